extension Migrations {
    /// Where reading each tenant's mailbox stands (IMAP): the folder's UIDVALIDITY and the highest UID read, so a message
    /// is read once; when the last poll ran, how many messages it read in all and the last error, for the team to see.
    static let mailboxPolls = Migration(
        version: 38, name: "mailbox_polls",
        template: [
            """
            CREATE TABLE mailbox_polls (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                mailbox TEXT NOT NULL,
                uid_validity {bigint} NOT NULL CHECK (uid_validity >= 0),
                last_uid {bigint} NOT NULL CHECK (last_uid >= 0),
                messages_read {bigint} NOT NULL DEFAULT 0,
                polled_at {bigint} NOT NULL,
                last_error TEXT,
                PRIMARY KEY (tenant_id, mailbox)
            )
            """
        ])
}
