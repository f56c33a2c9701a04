package org.imrflow.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrflow.InvalidInputException;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.InputBinding;
import org.imrflow.web.PageController;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator enters an Application for Independent Medical Review with its documents. A rejected
 * application is shown again with a message next to each field, and nothing is stored.
 */
@PageController
class ApplicationController {

    private static final String VIEW = "cases/new";
    private static final Pattern ROW = Pattern.compile("^disputedItems\\[(\\d+)]");

    private final IntakeManagement intake;
    private final Validator validator;
    private final BusinessTime time;

    ApplicationController(IntakeManagement intake, Validator validator, BusinessTime time) {
        this.intake = intake;
        this.validator = validator;
        this.time = time;
    }

    // not "application": Thymeleaf reserves that name for the servlet context's attributes
    @InitBinder("newApplication")
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
        InputBinding.multiLine(binder, "disputedItems.description");
    }

    @ModelAttribute("reviewTypes")
    ReviewType[] reviewTypes() {
        return ReviewType.values();
    }

    @ModelAttribute("deliveries")
    Delivery[] deliveries() {
        return Delivery.values();
    }

    /** The address blocks of the page, in the order letters address the parties. */
    @ModelAttribute("addressedParties")
    List<AddressedParty> addressedParties() {
        return List.of(new AddressedParty("EMPLOYEE", "employeeAddress"),
                new AddressedParty("REPRESENTATIVE", "representativeAddress"),
                new AddressedParty("REQUESTING_PHYSICIAN", "requestingPhysicianAddress"),
                new AddressedParty("CLAIMS_ADMINISTRATOR", "claimsAdministratorAddress"),
                new AddressedParty("EMPLOYER", "employerAddress"));
    }

    /** A party's address fields on the page: its role, and the draft's property holding its address. */
    record AddressedParty(String role, String field) {}

    /** The bases a claims administrator's decision can have; a historical verbatim line is not one to choose. */
    @ModelAttribute("bases")
    List<GuidelineBasis.Kind> bases() {
        return Arrays.stream(GuidelineBasis.Kind.values()).filter(k -> k != GuidelineBasis.Kind.VERBATIM).toList();
    }

    @ModelAttribute("categories")
    TreatmentCategory[] categories() {
        return TreatmentCategory.values();
    }

    @GetMapping("/cases/new")
    String initCreationForm(Model model) {
        Actor.current().require(Role.COORDINATOR);
        model.addAttribute("newApplication", ApplicationDraft.blank(time.today()));
        return VIEW;
    }

    @PostMapping("/cases/new")
    String processCreationForm(@ModelAttribute("newApplication") ApplicationDraft draft, BindingResult result,
                               Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        actor.require(Role.COORDINATOR);
        List<Integer> rows = draft.filledRows();
        ApplicationForm application = draft.toApplication();
        for (ConstraintViolation<ApplicationForm> violation : validator.validate(application)) {
            String path = draftPath(violation.getPropertyPath().toString(), rows);
            if (!result.hasFieldErrors(path)) {
                String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                reject(result, path, constraint, violation.getMessage());
            }
        }
        if (result.hasErrors()) {
            return redisplay(draft, model);
        }
        String caseNumber;
        try {
            caseNumber = intake.receive(application, uploads(draft.chosenFiles()), actor);
        } catch (InvalidInputException e) {
            for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
                reject(result, draftPath(error.getKey(), rows), null, error.getValue());
            }
            return redisplay(draft, model);
        }
        redirect.addFlashAttribute("message", "application.received");
        redirect.addFlashAttribute("messageArg", caseNumber);
        return "redirect:/cases/" + caseNumber;
    }

    private String redisplay(ApplicationDraft draft, Model model) {
        // browsers cannot be given files back: the page asks for them again
        model.addAttribute("documentsDropped", !draft.chosenFiles().isEmpty());
        draft.fillRows();
        return VIEW;
    }

    private static void reject(BindingResult result, String path, String code, String message) {
        if (new BeanWrapperImpl(result.getTarget()).isReadableProperty(path)) {
            result.rejectValue(path, code, message);
        } else {
            result.reject(code == null ? "application.invalid.global" : code, message);
        }
    }

    /**
     * A path of the application as a path of the draft: item rows are counted among the filled ones only, and the
     * representative's fields are flat on the page.
     */
    private static String draftPath(String path, List<Integer> filledRows) {
        if (path.startsWith("representative.")) {
            return path.replace("representative.name", "representativeName")
                    .replace("representative.address", "representativeAddress");
        }
        Matcher row = ROW.matcher(path);
        if (row.find()) {
            int index = Integer.parseInt(row.group(1));
            if (index < filledRows.size()) {
                return row.replaceFirst("disputedItems[" + filledRows.get(index) + "]");
            }
        }
        return path;
    }

    private static List<DocumentFile> uploads(List<MultipartFile> files) {
        List<DocumentFile> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            try {
                uploads.add(new DocumentFile(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("An uploaded document could not be read", e);
            }
        }
        return uploads;
    }
}
