/// The name in a summary request: the words after the summary phrase ("résumé de Marie Dupont", "tell me about Acme
/// Corp"), past articles and words like "client" or "lead"; else the capitalised words after the first.
enum ContactNameFinder {
    static func name(in message: ConversationText) -> String? {
        let hits = AssistantPhrases.table.hits(in: message.words).filter { $0.value.kind == .summary }
        if let after = hits.last?.range.upperBound, let name = run(in: message, from: after) { return name }
        let capitalised = message.rawWords.indices.dropFirst().filter {
            message.rawWords[$0].first?.isUppercase == true && message.words[$0] != "max" && !fillers.contains(message.words[$0])
        }
        guard let first = capitalised.first else { return nil }
        var end = first
        while end + 1 < message.rawWords.count, capitalised.contains(end + 1) { end += 1 }
        return message.rawWords[first...end].joined(separator: " ")
    }

    private static func run(in message: ConversationText, from start: Int) -> String? {
        var index = start
        while index < message.words.count, fillers.contains(message.words[index]) { index += 1 }
        var end = index
        while end < message.words.count, end - index < 4, !stops.contains(message.words[end]) { end += 1 }
        guard end > index else { return nil }
        return message.rawWords[index..<end].joined(separator: " ")
    }

    private static let fillers: Set<String> = [
        "le", "la", "les", "l", "du", "de", "d", "des", "un", "une", "mon", "ma", "notre", "nos", "ce", "cette", "lead",
        "leads", "client", "cliente", "clients", "customer", "customers", "prospect", "prospects", "contact", "moi", "me",
        "the", "a", "an", "of", "for", "about", "on", "our", "my", "this", "that", "sur", "avec", "with", "fiche",
        "profil", "profile", "summary", "resume", "please", "svp", "stp", "merci",
    ]

    private static let stops: Set<String> = [
        "svp", "stp", "please", "merci", "thanks", "et", "and", "pour", "for", "aujourd", "today", "qui", "who",
        "s", "il", "plait",
    ]
}
