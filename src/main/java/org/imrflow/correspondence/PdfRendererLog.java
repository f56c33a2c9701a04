package org.imrflow.correspondence;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J, under its own logger names ({@code com.openhtmltopdf.load}, ...), so that the
 * application's log levels and format apply to it. By default it wrote five lines of its own for every letter
 * straight to the standard error, outside the application's log. Its levels are set where the application's are
 * ({@code application.yml}); setting them here, as its API allows, does nothing.
 */
final class PdfRendererLog implements XRLogger {

    private PdfRendererLog() {
    }

    /** Sends openhtmltopdf's log to SLF4J, for every renderer in this JVM. */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfRendererLog)) {
            XRLog.setLoggerImpl(new PdfRendererLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        LoggerFactory.getLogger(where).atLevel(slf4j(level)).setCause(error).log(message);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are the application's (logging.level.com.openhtmltopdf)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere())
                .isEnabledForLevel(slf4j(diagnostic.getLevel()));
    }

    /** SEVERE is an error, WARNING a warning, INFO information, anything finer debugging. */
    private static org.slf4j.event.Level slf4j(Level level) {
        int severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        } else if (severity >= Level.WARNING.intValue()) {
            return org.slf4j.event.Level.WARN;
        } else if (severity >= Level.INFO.intValue()) {
            return org.slf4j.event.Level.INFO;
        }
        return org.slf4j.event.Level.DEBUG;
    }
}
