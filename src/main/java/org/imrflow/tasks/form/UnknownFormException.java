package org.imrflow.tasks.form;

/** A user task refers to a form key that no file under {@code forms/} defines. */
public class UnknownFormException extends RuntimeException {

    public UnknownFormException(String formKey) {
        super("No form with id '" + formKey + "'");
    }
}
