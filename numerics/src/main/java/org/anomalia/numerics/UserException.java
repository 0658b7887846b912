package org.anomalia.numerics;

/**
 * A problem the user can fix (bad file, bad option, bad data). The CLI prints the message as one
 * line and exits with code 2, without a stack trace. The message names the file or field and what
 * to do about it.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
