package org.imrflow.casefile;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditKind;
import org.imrflow.audit.AuditSearch;
import org.imrflow.security.Actor;
import org.imrflow.web.PageController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for auditors and administrators: search, paging, the CSV export and the chain's check. */
@PageController
class AuditLogController {

    private final AuditLogReading log;

    AuditLogController(AuditLogReading log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String search(@ModelAttribute("filter") AuditLogFilter filter, BindingResult result,
                  @RequestParam(required = false) Long before, @RequestParam(required = false) Long after,
                  Model model, HttpServletResponse response) {
        Actor actor = Actor.current();
        AuditLogReading.requireAuditor(actor);
        model.addAttribute("groups", AuditKind.Group.values());
        model.addAttribute("exportLimit", log.exportLimit());
        if (!result.hasErrors()) {
            try {
                model.addAttribute("page", log.page(filter, before, after, actor));
                return "audit/log";
            } catch (InvalidInputException e) {
                for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
                    result.rejectValue(error.getKey(), "serviceRejected", error.getValue());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", new AuditSearch.Page(List.of(), false, false));
        return "audit/log";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify(Actor.current()));
        model.addAttribute("groups", AuditKind.Group.values());
        model.addAttribute("exportLimit", log.exportLimit());
        model.addAttribute("filter", new AuditLogFilter());
        model.addAttribute("page", log.page(new AuditLogFilter(), null, null, Actor.current()));
        return "audit/log";
    }

    /** Every entry the filters match, oldest first, as CSV; refused (400) beyond the export's bound. */
    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute AuditLogFilter filter, BindingResult result, HttpServletResponse response)
            throws IOException {
        if (result.hasErrors()) {
            throw new InvalidInputException(result.getFieldErrors().stream().collect(Collectors.toMap(e -> e.getField(), e -> String.valueOf(e.getDefaultMessage()), (a, b) -> a)));
        }
        AuditLogReading.Export export = log.export(filter, Actor.current());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-log.csv", StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.writeCsv(response.getOutputStream());
    }
}
