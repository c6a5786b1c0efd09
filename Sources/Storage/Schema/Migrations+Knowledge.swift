extension Migrations {
    /// The tenant's FAQ and policy documents, cut into passages that full-text search finds: an FTS5 index kept by triggers
    /// on SQLite, a generated `tsvector` with a GIN index on PostgreSQL (French, English and a few other stemmers by the
    /// passage's language). `search_text` is the passage folded (lower case, no accents) for PostgreSQL, which has no
    /// accent folding of its own without an extension.
    static let knowledgeBase = Migration(
        version: 26, name: "knowledge_base",
        template: [
            """
            CREATE TABLE knowledge_documents (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                source_key TEXT NOT NULL,
                title TEXT NOT NULL CHECK (length(title) > 0),
                body TEXT NOT NULL CHECK (length(body) > 0),
                language TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('faq', 'policy', 'guide', 'other')),
                content_hash TEXT NOT NULL,
                passage_count {bigint} NOT NULL CHECK (passage_count > 0),
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX knowledge_documents_key ON knowledge_documents (tenant_id, source_key)",
            "CREATE INDEX knowledge_documents_created ON knowledge_documents (tenant_id, created_at)",
            """
            CREATE TABLE knowledge_passages (
                seq {seq},
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                document_id TEXT NOT NULL REFERENCES knowledge_documents(id),
                position {bigint} NOT NULL CHECK (position >= 0),
                title TEXT NOT NULL,
                text TEXT NOT NULL CHECK (length(text) > 0),
                language TEXT NOT NULL,
                search_text TEXT NOT NULL,
                UNIQUE (document_id, position)
            )
            """,
            "CREATE INDEX knowledge_passages_tenant ON knowledge_passages (tenant_id, document_id)",
        ],
        dialectOnly: [
            .sqlite: [
                """
                CREATE VIRTUAL TABLE knowledge_passages_fts USING fts5(
                    title, text, content='knowledge_passages', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
                )
                """,
                """
                CREATE TRIGGER knowledge_passages_indexed AFTER INSERT ON knowledge_passages BEGIN
                    INSERT INTO knowledge_passages_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
                END
                """,
                """
                CREATE TRIGGER knowledge_passages_unindexed AFTER DELETE ON knowledge_passages BEGIN
                    INSERT INTO knowledge_passages_fts (knowledge_passages_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
                END
                """,
            ],
            .postgres: [
                """
                ALTER TABLE knowledge_passages ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    to_tsvector(
                        CASE language
                            WHEN 'fr' THEN 'french'::regconfig WHEN 'en' THEN 'english'::regconfig WHEN 'de' THEN 'german'::regconfig
                            WHEN 'es' THEN 'spanish'::regconfig WHEN 'it' THEN 'italian'::regconfig WHEN 'nl' THEN 'dutch'::regconfig
                            WHEN 'pt' THEN 'portuguese'::regconfig ELSE 'simple'::regconfig
                        END,
                        search_text)
                ) STORED
                """,
                "CREATE INDEX knowledge_passages_search ON knowledge_passages USING GIN (search)",
            ],
        ])
}
