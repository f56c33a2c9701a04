package org.imrflow.casefile;

/** How far an open case is from its determination deadline, in business days: the dashboard's chart. */
public enum DeterminationBucket {
    OVERDUE, DAYS_0_2, DAYS_3_5, DAYS_6_10, DAYS_11_20, OVER_20, NO_CLOCK;

    /** The bucket of an open determination deadline; {@code null}: the case has none running yet. */
    static DeterminationBucket of(DaysLeft left) {
        if (left == null) {
            return NO_CLOCK;
        }
        int days = left.businessDays();
        if (left.overdue() || days < 0) {
            return OVERDUE;
        }
        return days <= 2 ? DAYS_0_2 : days <= 5 ? DAYS_3_5 : days <= 10 ? DAYS_6_10 : days <= 20 ? DAYS_11_20 : OVER_20;
    }
}
