package org.imrflow;

/**
 * The application refuses to start with its configuration. Reported by {@link StartupRefusalAnalyzer} as Spring
 * Boot's "APPLICATION FAILED TO START" block, without a stack trace: the description says what is wrong, the action
 * which setting to change. Neither ever carries a secret's value.
 */
public class StartupRefusal extends RuntimeException {

    private final String action;

    public StartupRefusal(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
