extension Migrations {
    /// Who of the team wrote a message of a visitor's conversation (`team` messages: a name or an email; NULL for the
    /// visitor's and the agent's messages, and for a team answer sent without one).
    static let conversationAuthors = Migration(
        version: 30, name: "conversation_message_authors",
        template: ["ALTER TABLE conversation_messages ADD COLUMN author TEXT"])
}
