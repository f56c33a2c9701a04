package org.imrflow.correspondence;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
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
        Logger logger = LoggerFactory.getLogger(where);
        int severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (severity >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (severity >= Level.INFO.intValue()) {
            logger.info(message, error);
        } else {
            logger.debug(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are the application's (logging.level.com.openhtmltopdf)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int severity = diagnostic.getLevel().intValue();
        if (severity >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        } else if (severity >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        } else if (severity >= Level.INFO.intValue()) {
            return logger.isInfoEnabled();
        }
        return logger.isDebugEnabled();
    }
}
