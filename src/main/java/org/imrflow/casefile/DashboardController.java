package org.imrflow.casefile;

import org.imrflow.web.PageController;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.imrflow.tasks.TaskInbox;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: open cases by stage, the user's tasks and how many wait in their groups. */
@PageController
class DashboardController {

    private final CaseFiles cases;
    private final TaskInbox tasks;

    DashboardController(CaseFiles cases, TaskInbox tasks) {
        this.cases = cases;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Actor actor = Actor.current();
        model.addAttribute("openCases", cases.openCasesByStage(actor));
        model.addAttribute("myTasks", tasks.myTasks(actor));
        model.addAttribute("groupTaskCount", tasks.groupTasks(actor).size());
        return "dashboard";
    }
}
