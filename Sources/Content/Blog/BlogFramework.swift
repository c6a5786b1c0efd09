import Foundation

/// The copywriting framework that orders an article's sections (seed 001): Problem–Agitation–Solution,
/// Attention–Interest–Desire–Action, or Features–Advantages–Benefits.
public enum BlogFramework: String, Sendable, Hashable, CaseIterable {
    case pas = "PAS"
    case aida = "AIDA"
    case fab = "FAB"

    /// Reads `PAS`, `aida`, `Fab`…; nil for anything else.
    public init?(text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// The stages in order, as the section headings name them.
    public func stages(language: ContentLanguage) -> [String] {
        switch (self, language) {
        case (.pas, .french): ["Le problème", "Ce qu'il vous coûte", "La solution"]
        case (.pas, .english): ["The problem", "What it costs you", "The solution"]
        case (.aida, .french): ["Pourquoi s'y intéresser", "Comment ça marche", "Ce que vous y gagnez", "Par où commencer"]
        case (.aida, .english): ["Why it matters", "How it works", "What you gain", "Where to start"]
        case (.fab, .french): ["Les fonctionnalités", "Les avantages", "Les bénéfices pour vous"]
        case (.fab, .english): ["The features", "The advantages", "The benefits for you"]
        }
    }

    /// What the model is told about the structure.
    package var instructions: String {
        switch self {
        case .pas:
            "Follow PAS: exactly 3 sections in this order — the reader's Problem, Agitation (what the problem costs them), the Solution."
        case .aida:
            "Follow AIDA: exactly 4 sections in this order — Attention, Interest, Desire, Action."
        case .fab:
            "Follow FAB: exactly 3 sections in this order — Features, Advantages, Benefits for the reader."
        }
    }
}
