package org.imrflow.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login handles the POST. */
@PageController
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
