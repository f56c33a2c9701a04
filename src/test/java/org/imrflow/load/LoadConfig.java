package org.imrflow.load;

/**
 * The load run's settings, from system properties ({@code -Dload.minutes=10 -Dload.users=50 ...}): the users are
 * the demo reviewers up to {@code load.reviewers} (at most 25), and the rest split among coordinators, medical
 * directors and auditors in the proportions 3:1:1 (15, 5 and 5 of 50). With {@code load.apiTokens} (default true)
 * each user's API requests carry a personal API token issued at their first sign-in, as a script's would, instead
 * of HTTP Basic; {@code -Dload.apiTokens=false} measures the password check on every request again.
 */
record LoadConfig(String url, String adminUsername, String adminPassword, String reviewerPassword, double minutes,
                  double drainMinutes, int coordinators, int reviewers, int directors, int auditors, long minThinkMillis,
                  long maxThinkMillis, int intakeSeconds, int auditVerifyOneIn, boolean apiTokens, String runId) {

    static LoadConfig fromSystemProperties() {
        int users = Integer.getInteger("load.users", 50);
        int reviewers = Math.min(25, Integer.getInteger("load.reviewers", Math.min(25, users / 2)));
        int others = Math.max(3, users - reviewers);
        int directors = Math.max(1, others / 5);
        int auditors = Math.max(1, others / 5);
        int coordinators = others - directors - auditors;
        String url = System.getProperty("load.url", "").strip();
        return new LoadConfig(url.isEmpty() ? null : url.replaceAll("/+$", ""),
                System.getProperty("load.admin", "admin"),
                System.getProperty("load.adminPassword", url.isEmpty() ? "demo" : ""),
                System.getProperty("load.reviewerPassword", "demo"),
                Double.parseDouble(System.getProperty("load.minutes", "10")),
                Double.parseDouble(System.getProperty("load.drainMinutes", "5")),
                coordinators, reviewers, directors, auditors,
                Long.getLong("load.thinkMinMillis", 500), Long.getLong("load.thinkMaxMillis", 2000),
                Integer.getInteger("load.intakeSeconds", 30), Integer.getInteger("load.auditVerifyOneIn", 30),
                Boolean.parseBoolean(System.getProperty("load.apiTokens", "true")),
                Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36));
    }

    int users() {
        return coordinators + reviewers + directors + auditors;
    }

    /** The password of the users the run creates: at least 12 characters, as the application requires. */
    String userPassword() {
        return "load-test-" + runId + "-pw";
    }
}
