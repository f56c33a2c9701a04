package org.imrflow.intake;

import org.imrflow.security.Actor;
import org.imrflow.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case list: search by case number or worker name, filter by stage, sort and page. */
@PageController
class CaseListController {

    private static final int PAGE_SIZE = 20;

    private final CaseFiles cases;

    CaseListController(CaseFiles cases) {
        this.cases = cases;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Stage stage,
                @RequestParam(required = false) CaseSearch.Sort sort, @RequestParam(defaultValue = "0") int page,
                Model model) {
        CaseSearch search = new CaseSearch(q, stage, sort, page, PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("result", cases.search(search, Actor.current()));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("sorts", CaseSearch.Sort.values());
        return "cases/list";
    }
}
