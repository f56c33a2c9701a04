package org.imrflow.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users pages for administrators: the list with its search, a new user, and a user's page where their name,
 * roles and activity change and a new password is set. A page never shows a password or its hash.
 */
@PageController
class UserAdminController {

    private static final String PASSWORDS_DIFFER = "The two passwords differ; type the same password twice.";

    private final UserManagement users;

    UserAdminController(UserManagement users) {
        this.users = users;
    }

    @InitBinder("newUser")
    void newUserFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "fullName", "roles", "password", "passwordRepeated");
    }

    @InitBinder("userChange")
    void changeFields(WebDataBinder binder) {
        binder.setAllowedFields("fullName", "roles", "active");
    }

    @InitBinder("newPassword")
    void passwordFields(WebDataBinder binder) {
        binder.setAllowedFields("password", "passwordRepeated");
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Boolean active, Model model) {
        model.addAttribute("users", users.list(q, role, active, Actor.current()));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("active", active);
        model.addAttribute("allRoles", Role.values());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        Actor.current().require(Role.ADMIN);
        model.addAttribute("newUser", new UserForms.NewUserForm());
        return newUserPage(model);
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("newUser") UserForms.NewUserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Actor actor = Actor.current();
        actor.require(Role.ADMIN);
        UserManagement.NewUser user = form.toNewUser();
        // a field that did not bind is missing, so the rules name it too and nothing is stored
        Map<String, String> errors = new LinkedHashMap<>(UserManagement.problems(user));
        if (form.passwordsDiffer()) {
            errors.put("passwordRepeated", PASSWORDS_DIFFER);
        }
        if (errors.isEmpty() && !result.hasErrors()) {
            try {
                users.create(user, actor);
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        reject(result, errors);
        if (result.hasErrors()) {
            form.forgetPasswords();
            return newUserPage(model);
        }
        redirect.addFlashAttribute("message", "users.createdMessage");
        redirect.addFlashAttribute("messageArg", user.username().strip());
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{username}/edit")
    String edit(@PathVariable String username, Model model) {
        UserAccount user = users.get(username, Actor.current());
        model.addAttribute("userChange", UserForms.ChangeForm.of(user));
        model.addAttribute("newPassword", new UserForms.PasswordForm());
        return userPage(user, model);
    }

    @PostMapping("/admin/users/{username}/edit")
    String update(@PathVariable String username, @ModelAttribute("userChange") UserForms.ChangeForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        UserAccount user = users.get(username, actor);
        try {
            // also when a field did not bind: it is then missing, so nothing is stored, and the others are checked
            users.update(username, form.toChange(), actor);
        } catch (InvalidInputException e) {
            reject(result, e.fieldErrors());
        } catch (ConflictException e) {
            result.reject("users.conflict", e.getMessage());
        }
        if (result.hasErrors()) {
            model.addAttribute("newPassword", new UserForms.PasswordForm());
            return userPage(user, model);
        }
        redirect.addFlashAttribute("message", "users.updated");
        redirect.addFlashAttribute("messageArg", username);
        return "redirect:/admin/users/" + username + "/edit";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @ModelAttribute("newPassword") UserForms.PasswordForm form,
                         BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        UserAccount user = users.get(username, actor);
        if (form.passwordsDiffer()) {
            result.rejectValue("passwordRepeated", "users.invalid", PASSWORDS_DIFFER);
        } else {
            try {
                users.resetPassword(username, form.getPassword(), actor);
            } catch (InvalidInputException e) {
                reject(result, e.fieldErrors());
            }
        }
        if (result.hasErrors()) {
            form.forgetPasswords();
            model.addAttribute("userChange", UserForms.ChangeForm.of(user));
            return userPage(user, model);
        }
        redirect.addFlashAttribute("message", "users.passwordReset");
        redirect.addFlashAttribute("messageArg", username);
        return "redirect:/admin/users/" + username + "/edit";
    }

    private String newUserPage(Model model) {
        model.addAttribute("allRoles", Role.values());
        return "admin/user-new";
    }

    private String userPage(UserAccount user, Model model) {
        model.addAttribute("account", user);
        model.addAttribute("dates", users.dates(user.username(), Actor.current()));
        model.addAttribute("self", user.username().equals(Actor.current().username()));
        model.addAttribute("allRoles", Role.values());
        return "admin/user";
    }

    private static void reject(BindingResult result, Map<String, String> errors) {
        for (Map.Entry<String, String> error : errors.entrySet()) {
            if (!result.hasFieldErrors(error.getKey())) {
                result.rejectValue(error.getKey(), "users.invalid", error.getValue());
            }
        }
    }
}
