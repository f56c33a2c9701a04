package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules against a table of observed holidays worked out without them (see the table's header for how it was
 * made and checked).
 */
class CaliforniaHolidaysTest {

    private static final String TABLE = "/calendar/california-holidays-2013-2030.csv";
    private static final Map<Integer, List<String>> EXPECTED = table();

    private final BusinessCalendar calendar = BusinessCalendar.california();

    static Stream<Integer> years() {
        return IntStream.rangeClosed(2013, 2030).boxed();
    }

    @Test
    void theTableHasTwelveHolidaysInEachYearFrom2013To2030() {
        assertThat(EXPECTED.keySet()).containsExactlyElementsOf(years().toList());
        assertThat(EXPECTED.values()).allSatisfy(rows -> assertThat(rows).hasSize(12));
        assertThat(EXPECTED.values().stream().mapToInt(List::size).sum()).isEqualTo(216);
    }

    @ParameterizedTest
    @MethodSource("years")
    void eachYearHasExactlyTheObservedHolidaysOfTheTable(int year) {
        List<String> actual = calendar.holidays(year).stream()
                .map(holiday -> holiday.date() + "," + holiday.name()).toList();
        assertThat(actual).containsExactlyElementsOf(EXPECTED.get(year));
        assertThat(calendar.holidays(year)).noneMatch(Holiday::closure);
    }

    @ParameterizedTest
    @MethodSource("years")
    void eachObservedHolidayIsClosedUnderItsName(int year) {
        for (String row : EXPECTED.get(year)) {
            LocalDate date = LocalDate.parse(row.substring(0, 10));
            assertThat(calendar.closedFor(date)).as(row).contains(row.substring(11));
            assertThat(calendar.isBusinessDay(date)).as(row).isFalse();
        }
    }

    @Test
    void knownObservedDays() {
        assertThat(calendar.closedFor(LocalDate.of(2017, 1, 2))).contains("New Year's Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2016, 12, 26))).contains("Christmas Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2022, 12, 26))).contains("Christmas Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2017, 2, 13))).contains("Lincoln's Birthday (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2024, 4, 1))).contains("Cesar Chavez Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2018, 11, 12))).contains("Veterans Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2029, 11, 12))).contains("Veterans Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2021, 7, 5))).contains("Independence Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2026, 11, 26))).contains("Thanksgiving Day");
        assertThat(calendar.closedFor(LocalDate.of(2026, 11, 27))).contains("Day after Thanksgiving");
    }

    @Test
    void aSaturdayHolidayIsNotMovedButVeteransDayIsObservedTheFridayBefore() {
        assertThat(calendar.closedFor(LocalDate.of(2022, 1, 1))).contains("New Year's Day");
        assertThat(calendar.closedFor(LocalDate.of(2022, 1, 3))).isEmpty();
        assertThat(calendar.closedFor(LocalDate.of(2021, 12, 31))).isEmpty();
        assertThat(calendar.isBusinessDay(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 3))).isTrue(); // July 4, 2026 is a Saturday

        assertThat(calendar.closedFor(LocalDate.of(2023, 11, 10))).contains("Veterans Day (observed)");
        assertThat(calendar.closedFor(LocalDate.of(2023, 11, 11))).isEmpty();
        assertThat(calendar.isBusinessDay(LocalDate.of(2023, 11, 10))).isFalse();
    }

    @Test
    void fixedDateRulesMoveSundaysToMondayAndSaturdaysOnlyWhenAsked() {
        HolidayRule.FixedDate stays = new HolidayRule.FixedDate("Day", Month.JANUARY, 1);
        assertThat(stays.observedIn(2022)).isEqualTo(new Holiday(LocalDate.of(2022, 1, 1), "Day", false)); // Saturday
        assertThat(stays.observedIn(2023)).isEqualTo(new Holiday(LocalDate.of(2023, 1, 2), "Day (observed)", false));
        assertThat(stays.observedIn(2024)).isEqualTo(new Holiday(LocalDate.of(2024, 1, 1), "Day", false));

        HolidayRule.FixedDate friday = new HolidayRule.FixedDate("Day", MonthDay.of(Month.JANUARY, 1), true);
        assertThat(friday.observedIn(2022)).isEqualTo(new Holiday(LocalDate.of(2021, 12, 31), "Day (observed)", false));
        assertThat(friday.observedIn(2023)).isEqualTo(new Holiday(LocalDate.of(2023, 1, 2), "Day (observed)", false));
    }

    @Test
    void theRulesAreTheTwelveStateHolidays() {
        assertThat(CaliforniaHolidays.rules()).extracting(HolidayRule::name).containsExactly(
                "New Year's Day", "Martin Luther King Jr. Day", "Lincoln's Birthday", "Presidents' Day",
                "Cesar Chavez Day", "Memorial Day", "Independence Day", "Labor Day", "Veterans Day",
                "Thanksgiving Day", "Day after Thanksgiving", "Christmas Day");
    }

    private static Map<Integer, List<String>> table() {
        try (InputStream in = CaliforniaHolidaysTest.class.getResourceAsStream(TABLE)) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.equals("date,name"))
                    .sorted()
                    .toList();
            return rows.stream().collect(Collectors.groupingBy(row -> Integer.parseInt(row.substring(0, 4)),
                    TreeMap::new, Collectors.toList()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
