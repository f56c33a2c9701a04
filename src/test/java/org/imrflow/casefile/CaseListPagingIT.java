package org.imrflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The case list pages from a case, not by counting rows (keyset paging): walking the next pages from the first and
 * the previous pages from the last finds every case once, in the order of each sort, across the cases that have
 * the sort's date and those that have none (listed after them). The cases are written straight into the tables as
 * the superuser: 45 cases of one worker's last name, a third with an open determination clock (due dates that tie),
 * a third with that clock met, a third with no clock, received on seven different days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListPagingIT extends ApplicationIT {

    private static final String NAME = "Keysetpaging";
    private static final Instant DUE = Instant.parse("2031-03-02T16:00:00Z");

    private final List<Fixture> cases = new ArrayList<>();

    /** A case of the fixture, as the list should order it. */
    private record Fixture(long id, String number, LocalDate received, Instant openDue, Instant clockDue) {}

    @BeforeAll
    void writeCases() {
        var jdbc = superuser().jdbc();
        for (int g = 1; g <= 45; g++) {
            String number = "CM99-98%05d".formatted(g);
            LocalDate received = LocalDate.of(2031, 1, 1).plusDays(g % 7);
            long id = jdbc.sql("""
                    insert into imr_case (case_number, stage, review_type, received_date, employee_first_name,
                        employee_last_name, claim_number, date_of_injury, employer_name, claims_administrator_name,
                        requesting_physician_name, requesting_physician_specialty, ur_decision_date, created_by,
                        ur_service_method)
                    values (:number, 'CLINICAL_REVIEW', 'STANDARD', :received, 'Pat', :name, 'KP-1', date '2030-01-01',
                        'Employer', 'Administrator', 'Dr. Who', 'Orthopedic Surgery', date '2030-12-01', 'coordinator',
                        'MAIL')
                    returning id""").param("number", number).param("received", received).param("name", NAME)
                    .query(Long.class).single();
            Instant due = g <= 30 ? DUE.plusSeconds(86_400L * (g % 5)) : null;
            if (due != null) {
                boolean open = g <= 15;
                jdbc.sql("""
                        insert into case_clock (case_id, case_number, kind, rule, trigger_event, triggered_at, unit,
                            amount, due_at, status, met_at)
                        values (:id, :number, 'DETERMINATION_FROM_RECORDS', 'rule', 'records', :due, 'CALENDAR_DAYS',
                            30, :due, :status, :met)""")
                        .param("id", id).param("number", number).param("due", java.sql.Timestamp.from(due))
                        .param("status", open ? "RUNNING" : "MET")
                        .param("met", open ? null : java.sql.Timestamp.from(due)).update();
            }
            cases.add(new Fixture(id, number, received, g <= 15 ? due : null, due));
        }
    }

    @Test
    void theNextPagesFromTheFirstAndThePreviousFromTheLastFindEveryCaseOnceInTheOrderOfEachSort() {
        ImrClient coordinator = as("coordinator");
        Comparator<Fixture> byNumber = Comparator.comparing(Fixture::number);
        Map<String, Comparator<Fixture>> sorts = Map.of(
                "DUE", Comparator.comparing(Fixture::openDue, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(byNumber),
                "DETERMINATION_FROM_RECORDS", Comparator.comparing(Fixture::clockDue,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byNumber),
                "RECEIVED", Comparator.comparing(Fixture::received).thenComparing(Fixture::id).reversed(),
                "CASE_NUMBER", byNumber);
        sorts.forEach((sort, order) -> {
            List<String> expected = cases.stream().sorted(order).map(Fixture::number).toList();
            String first = "/cases?q=" + NAME + "&sort=" + sort;

            List<List<String>> forward = new ArrayList<>();
            Document page = page(coordinator, first);
            assertThat(page.select("li.disabled > a[rel=prev]")).as(sort + ": no page before the first").isNotEmpty();
            assertThat(page.text()).contains("45 cases");
            while (true) {
                forward.add(numbers(page));
                Element next = page.selectFirst("li:not(.disabled) > a[rel=next]");
                if (next == null) {
                    break;
                }
                page = page(coordinator, next.attr("href"));
                assertThat(forward).as(sort + ": the walk ends").hasSizeLessThan(5);
            }
            assertThat(forward.stream().map(List::size)).as(sort).containsExactly(20, 20, 5);
            assertThat(forward.stream().flatMap(List::stream).toList()).as(sort + ": next pages").isEqualTo(expected);

            List<List<String>> backward = new ArrayList<>();
            page = page(coordinator, page(coordinator, first).selectFirst("a[rel=last]").attr("href"));
            assertThat(page.select("li.disabled > a[rel=next]")).as(sort + ": no page after the last").isNotEmpty();
            while (true) {
                backward.addFirst(numbers(page));
                Element previous = page.selectFirst("li:not(.disabled) > a[rel=prev]");
                if (previous == null) {
                    break;
                }
                page = page(coordinator, previous.attr("href"));
                assertThat(backward).as(sort + ": the walk ends").hasSizeLessThan(5);
            }
            assertThat(backward.stream().flatMap(List::stream).toList()).as(sort + ": previous pages")
                    .isEqualTo(expected);
            assertThat(backward.stream().map(List::size)).as(sort + ": from the last page, the pages never overlap")
                    .containsExactly(5, 20, 20);
        });
    }

    @Test
    void theWholeListUnfilteredPagesTheSameWayForwardAndBackward() {
        ImrClient coordinator = as("coordinator");
        for (String sort : List.of("DUE", "RECEIVED", "DETERMINATION_FROM_RECORDS")) {
            String first = "/cases?sort=" + sort;
            List<String> forward = new ArrayList<>();
            Document page = page(coordinator, first);
            for (Element next; ; page = page(coordinator, next.attr("href"))) {
                forward.addAll(numbers(page));
                next = page.selectFirst("li:not(.disabled) > a[rel=next]");
                if (next == null) {
                    break;
                }
            }
            List<String> backward = new ArrayList<>();
            page = page(coordinator, page(coordinator, first).selectFirst("a[rel=last]").attr("href"));
            for (Element previous; ; page = page(coordinator, previous.attr("href"))) {
                backward.addAll(0, numbers(page));
                previous = page.selectFirst("li:not(.disabled) > a[rel=prev]");
                if (previous == null) {
                    break;
                }
            }
            assertThat(forward).as(sort).doesNotHaveDuplicates().isEqualTo(backward)
                    .containsAll(cases.stream().map(Fixture::number).toList());
        }
    }

    @Test
    void aPageAfterACaseThatIsNotThereIsTheFirst() {
        ImrClient coordinator = as("coordinator");
        List<String> first = numbers(page(coordinator, "/cases?q=" + NAME));
        assertThat(numbers(page(coordinator, "/cases?q=" + NAME + "&after=999999999"))).isEqualTo(first);
        assertThat(numbers(page(coordinator, "/cases?q=" + NAME + "&before=999999999"))).isEqualTo(first);
    }

    @Test
    void theOverdueFilterFindsTheOpenDeadlinesOnly() {
        ImrClient coordinator = as("coordinator");
        Map<String, Fixture> byNumber = cases.stream().collect(Collectors.toMap(Fixture::number, Function.identity()));
        List<String> open = numbers(page(coordinator, "/cases?q=" + NAME + "&due=OPEN&sort=CASE_NUMBER"));
        assertThat(open).hasSize(15).allMatch(n -> byNumber.get(n).openDue() != null);
        List<String> none = numbers(page(coordinator, "/cases?q=" + NAME + "&due=NONE&sort=CASE_NUMBER"));
        assertThat(none).hasSize(20).allMatch(n -> byNumber.get(n).openDue() == null);
        List<String> clockOpen = numbers(page(coordinator,
                "/cases?q=" + NAME + "&due=OPEN&clock=DETERMINATION_FROM_RECORDS&sort=CASE_NUMBER"));
        assertThat(clockOpen).isEqualTo(open);
    }

    private static Document page(ImrClient client, String path) {
        ImrClient.Response response = client.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> numbers(Document page) {
        return page.select("tr[data-case]").eachAttr("data-case");
    }
}
