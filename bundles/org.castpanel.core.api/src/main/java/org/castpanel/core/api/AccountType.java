package org.castpanel.core.api;

/** The user level of an account: an administrator sees and manages everything, a customer its own subtree. */
public enum AccountType {
    ADMINISTRATOR,
    CUSTOMER
}
