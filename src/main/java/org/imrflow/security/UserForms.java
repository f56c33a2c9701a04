package org.imrflow.security;

import java.util.List;

/**
 * The users pages' forms, as the browser sends them: any field may be missing. The passwords are typed twice, and
 * a page never shows them again.
 */
final class UserForms {

    private UserForms() {
    }

    /** A new user. */
    static class NewUserForm {

        private String username;
        private String fullName;
        private List<Role> roles;
        private String password;
        private String passwordRepeated;

        UserManagement.NewUser toNewUser() {
            return new UserManagement.NewUser(username, fullName, roles, password);
        }

        boolean passwordsDiffer() {
            return password != null && !password.isEmpty() && !password.equals(passwordRepeated);
        }

        void forgetPasswords() {
            password = null;
            passwordRepeated = null;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordRepeated() {
            return passwordRepeated;
        }

        public void setPasswordRepeated(String passwordRepeated) {
            this.passwordRepeated = passwordRepeated;
        }
    }

    /** A change of a user's full name, roles and whether they are active. */
    static class ChangeForm {

        private String fullName;
        private List<Role> roles;
        private Boolean active;

        static ChangeForm of(UserAccount user) {
            ChangeForm form = new ChangeForm();
            form.fullName = user.fullName();
            form.roles = List.copyOf(user.roles());
            form.active = user.active();
            return form;
        }

        UserManagement.UserChange toChange() {
            return new UserManagement.UserChange(fullName, roles, active);
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }

        public Boolean getActive() {
            return active;
        }

        public void setActive(Boolean active) {
            this.active = active;
        }
    }

    /** A new password for a user, set by an administrator. */
    static class PasswordForm {

        private String password;
        private String passwordRepeated;

        boolean passwordsDiffer() {
            return password != null && !password.isEmpty() && !password.equals(passwordRepeated);
        }

        void forgetPasswords() {
            password = null;
            passwordRepeated = null;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordRepeated() {
            return passwordRepeated;
        }

        public void setPasswordRepeated(String passwordRepeated) {
            this.passwordRepeated = passwordRepeated;
        }
    }
}
