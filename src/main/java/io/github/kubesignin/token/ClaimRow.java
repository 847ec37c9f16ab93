package io.github.kubesignin.token;

/** One line of the inspector's claims table. */
public record ClaimRow(String name, String value, String meaning) {
}
