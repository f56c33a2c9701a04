package org.imrflow.deadlines;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;

import java.time.Month;
import java.time.MonthDay;
import java.util.List;

/**
 * California's state holidays as rules. A fixed-date holiday on a Sunday is observed the following Monday; on a
 * Saturday it is not moved, except Veterans Day, which is then observed the Friday before (Government Code
 * section 6701, and CalHR's published lists, e.g. Friday 11/10/2017).
 */
public final class CaliforniaHolidays {

    private static final HolidayRule THANKSGIVING = new HolidayRule.NthWeekday("Thanksgiving Day", Month.NOVEMBER, THURSDAY, 4);

    private static final List<HolidayRule> RULES = List.of(
            new HolidayRule.FixedDate("New Year's Day", Month.JANUARY, 1),
            new HolidayRule.NthWeekday("Martin Luther King Jr. Day", Month.JANUARY, MONDAY, 3),
            new HolidayRule.FixedDate("Lincoln's Birthday", Month.FEBRUARY, 12),
            new HolidayRule.NthWeekday("Presidents' Day", Month.FEBRUARY, MONDAY, 3),
            new HolidayRule.FixedDate("Cesar Chavez Day", Month.MARCH, 31),
            new HolidayRule.LastWeekday("Memorial Day", Month.MAY, MONDAY),
            new HolidayRule.FixedDate("Independence Day", Month.JULY, 4),
            new HolidayRule.NthWeekday("Labor Day", Month.SEPTEMBER, MONDAY, 1),
            new HolidayRule.FixedDate("Veterans Day", MonthDay.of(Month.NOVEMBER, 11), true),
            THANKSGIVING,
            new HolidayRule.DaysAfter("Day after Thanksgiving", THANKSGIVING, 1),
            new HolidayRule.FixedDate("Christmas Day", Month.DECEMBER, 25));

    private CaliforniaHolidays() {
    }

    public static List<HolidayRule> rules() {
        return RULES;
    }
}
