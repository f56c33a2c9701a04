package org.imrflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of a signed-in user's personal API tokens ({@code /account/tokens}): issue one (its secret is shown on the
 * answer to the form, once, and is never stored in the session), list them, revoke one. Pages are signed in with a
 * password (a token works on the API only), so anyone who reaches this page may issue.
 */
@PageController
class ApiTokenController {

    private final ApiTokens tokens;
    private final UserAccounts users;

    ApiTokenController(ApiTokens tokens, UserAccounts users) {
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/account/tokens")
    String page(Model model) {
        return page(model, "", Integer.toString(ApiTokens.DEFAULT_DAYS), null);
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(required = false) String name, @RequestParam(required = false) String days,
                 @RequestParam(required = false) List<String> roles, Model model, HttpServletResponse response) {
        Actor actor = Actor.current();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer validDays = null;
        try {
            validDays = days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            errors.put("days", "Enter a whole number of days, from 1 to " + tokens.maxDays() + ".");
        }
        List<Role> chosen = new ArrayList<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                errors.put("roles", "Choose among your roles.");
            }
        }
        if (errors.isEmpty()) {
            try {
                // a form without any role ticked asked for none, not for all
                model.addAttribute("issued", tokens.issue(actor, name, validDays, chosen));
                response.setHeader("Cache-Control", "no-store");
                return page(model, "", Integer.toString(ApiTokens.DEFAULT_DAYS), null);
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        model.addAttribute("errors", errors);
        return page(model, name, days, chosen);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        tokens.revoke(id, actor.username(), actor);
        redirect.addFlashAttribute("message", "tokens.revokedMessage");
        redirect.addFlashAttribute("messageArg", Long.toString(id));
        return "redirect:/account/tokens";
    }

    private String page(Model model, String name, String days, List<Role> chosen) {
        String username = Actor.current().username();
        List<Role> mine = users.rolesOf(username);
        model.addAttribute("tokens", tokens.list(username));
        model.addAttribute("myRoles", mine);
        model.addAttribute("chosenRoles", chosen == null ? mine : chosen);
        model.addAttribute("name", name);
        model.addAttribute("days", days);
        model.addAttribute("maxDays", tokens.maxDays());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "account/tokens";
    }
}
