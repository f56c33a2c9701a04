package org.imrflow.tasks;

import java.util.Map;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;

/** A human task of a case as its handler sees it. */
public record TaskContext(long taskId, CaseRef caseRef, String elementId, Actor actor,
                          Map<String, Object> variables) {}
