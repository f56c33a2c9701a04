package org.imrflow.casefile;

import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list: search by case number or worker name, filter by stage and by where a clock's deadline stands,
 * sort by the next deadline, any clock, date received or case number, and page: first, previous, next and last page,
 * each found from a case of the page the user comes from ({@link CaseSearch}).
 */
@PageController
class CaseListController {

    private final CaseOverviews overviews;

    CaseListController(CaseOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Stage stage,
                @RequestParam(required = false) CaseSearch.DueState due,
                @RequestParam(required = false) ClockKind clock,
                @RequestParam(required = false) CaseSearch.Sort sort, @RequestParam(required = false) Long after,
                @RequestParam(required = false) Long before, @RequestParam(defaultValue = "false") boolean last,
                Model model) {
        CaseSearch search = new CaseSearch(q, stage, due, clock, sort, after, before, last, CaseSearch.PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("result", overviews.search(search, Actor.current()));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("dueStates", CaseSearch.DueState.values());
        model.addAttribute("clocks", ClockKind.values());
        model.addAttribute("sorts", CaseSearch.Sort.values());
        return "cases/list";
    }
}
