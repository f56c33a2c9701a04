package org.imrflow.casefile;

import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.DocumentSource;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's model: the case file, the actions the actor may take on it, and their forms, blank unless a
 * rejected one is being shown again with its errors.
 */
@Component
class CasePageView {

    static final String VIEW = "cases/detail";

    private final CaseFileAssembler caseFiles;
    private final BusinessTime time;

    CasePageView(CaseFileAssembler caseFiles, BusinessTime time) {
        this.caseFiles = caseFiles;
        this.time = time;
    }

    String render(String caseNumber, Model model) {
        Actor actor = Actor.current();
        CaseFile file = caseFiles.open(caseNumber, actor);
        model.addAttribute("caseFile", file);
        model.addAttribute("history", CaseHistory.of(file.history()));
        model.addAttribute("actions", CaseActions.of(file, actor));
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
