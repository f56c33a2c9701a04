package org.imrflow.tasks;

import java.util.function.UnaryOperator;
import org.imrflow.security.Actor;

/**
 * How a reader may see the logins on a case's tasks. Reviewer selection answers it (a reviewer's login is known to
 * the staff who select reviewers only); the inbox asks it without depending on that module.
 */
public interface TaskLogins {

    UnaryOperator<String> shownTo(long caseId, Actor actor);
}
