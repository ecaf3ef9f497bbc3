/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of cp_media_word: one lower-case word of a library file's title, artist, album or name. */
@Entity
@Table(name = "cp_media_word")
@IdClass(MediaWordEntity.Key.class)
public class MediaWordEntity {
    @Id
    @Column(name = "account_id")
    public long accountId;

    @Id
    public String word;

    @Id
    @Column(name = "file_id")
    public long fileId;

    public MediaWordEntity() {}

    public MediaWordEntity(long accountId, String word, long fileId) {
        this.accountId = accountId;
        this.word = word;
        this.fileId = fileId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public long accountId;
        public String word;
        public long fileId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && k.fileId == fileId && Objects.equals(k.word, word);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, word, fileId);
        }
    }
}
