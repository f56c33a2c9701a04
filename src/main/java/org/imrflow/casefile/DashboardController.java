package org.imrflow.casefile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrflow.security.Actor;
import org.imrflow.tasks.TaskInbox;
import org.imrflow.web.PageController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: for staff who see every case, the deadlines to act on today and the charts of the open cases;
 * for everyone, the open cases by stage, their tasks and how many wait in their groups.
 */
@PageController
class DashboardController {

    private final Dashboards dashboards;
    private final TaskInbox tasks;
    private final MessageSource messages;

    DashboardController(Dashboards dashboards, TaskInbox tasks, MessageSource messages) {
        this.dashboards = dashboards;
        this.tasks = tasks;
        this.messages = messages;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Actor actor = Actor.current();
        Dashboard dashboard = dashboards.of(actor);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("openCases", dashboard.openCases());
        if (dashboard.deadlines()) {
            model.addAttribute("chartData", chartData(dashboard, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("myTasks", tasks.myTasks(actor));
        model.addAttribute("groupTaskCount", tasks.groupTaskCount(actor));
        return "dashboard";
    }

    /** The charts' data, rendered into the page as JSON for static/js/dashboard-charts.js. */
    private Charts chartData(Dashboard dashboard, Locale locale) {
        Chart byStage = new Chart(messages.getMessage("dashboard.chart.byStage", null, locale),
                dashboard.openCases().keySet().stream().map(s -> s.label()).toList(),
                List.copyOf(dashboard.openCases().values()));
        Map<DeterminationBucket, Long> buckets = dashboard.byDetermination();
        Chart byDetermination = new Chart(messages.getMessage("dashboard.chart.byDetermination", null, locale),
                buckets.keySet().stream().map(b -> messages.getMessage("dashboard.bucket." + b, null, locale)).toList(),
                List.copyOf(buckets.values()));
        return new Charts(byStage, byDetermination);
    }

    record Charts(Chart byStage, Chart byDetermination) {}

    record Chart(String title, List<String> labels, List<Long> counts) {}
}
