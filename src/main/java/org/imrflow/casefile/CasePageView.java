package org.imrflow.casefile;

import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.DocumentSource;
import java.util.Map;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's model: the case file, its path on the process diagram, the actions the actor may take on it, and
 * their forms, blank unless a rejected one is being shown again with its errors.
 */
@Component
class CasePageView {

    static final String VIEW = "cases/detail";

    private final CaseFileAssembler caseFiles;
    private final BusinessTime time;
    private final CasePaths paths;
    private final DiagramJson json;

    CasePageView(CaseFileAssembler caseFiles, BusinessTime time, CasePaths paths, DiagramJson json) {
        this.caseFiles = caseFiles;
        this.time = time;
        this.paths = paths;
        this.json = json;
    }

    String render(String caseNumber, Model model) {
        Actor actor = Actor.current();
        CaseFile file = caseFiles.open(caseNumber, actor);
        model.addAttribute("caseFile", file);
        model.addAttribute("history", CaseHistory.of(file.history()));
        model.addAttribute("actions", CaseActions.of(file, actor));
        CasePath path = paths.path(caseNumber, actor);
        model.addAttribute("processPath", path);
        model.addAttribute("processPathJson", json.of(Map.of("mode", "path", "path", path)));
        model.addAttribute("documentSources", DocumentSource.values());
        if (!model.containsAttribute("documentForm")) {
            model.addAttribute("documentForm", DocumentForm.blank(time.today()));
        }
        if (!model.containsAttribute("expediteForm")) {
            model.addAttribute("expediteForm", new ExpediteForm());
        }
        if (!model.containsAttribute("correctionForm") && !file.incidents().isEmpty()) {
            model.addAttribute("correctionForm", CorrectionForm.of(file));
        }
        if (!model.containsAttribute("extensionForm")) {
            model.addAttribute("extensionForm", new ExtensionForm());
        }
        return VIEW;
    }
}
