/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A row of cp_account_gram: one three-character piece of an account's username, name or e-mail,
 * folded and packed into a number (numbers compare the same under every database collation).
 */
@Entity
@Table(name = "cp_account_gram")
@IdClass(AccountGramEntity.Key.class)
public class AccountGramEntity {
    @Id
    public long gram;

    @Id
    @Column(name = "account_id")
    public long accountId;

    public AccountGramEntity() {}

    public AccountGramEntity(long gram, long accountId) {
        this.gram = gram;
        this.accountId = accountId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public long gram;
        public long accountId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.gram == gram && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(gram) * 31 + Long.hashCode(accountId);
        }
    }
}
