package org.imrflow.audit;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log in plain language: the words for each kind of entry ({@code audit.action.<CODE>}) and each group
 * ({@code audit.group.<GROUP>}), for pages ({@code ${@auditWords.action(entry.action)}}) and exports alike. An
 * entry of a kind no longer recorded still reads as words, never as its code.
 */
@Component("auditWords")
public class AuditWords {

    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    public String action(String code) {
        return messages.getMessage("audit.action." + code, null, fallback(code), Locale.US);
    }

    public String group(AuditKind.Group group) {
        return messages.getMessage("audit.group." + group.name(), null, fallback(group.name()), Locale.US);
    }

    /** CASE_DATA_CORRECTED reads "Case data corrected". */
    static String fallback(String code) {
        String words = code == null ? "" : code.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
