import AutopilotCore
import Flows

/// The outcome of personalising one message: what to send, and who wrote it.
public struct CopyPersonalisation: Sendable, Hashable {
    /// The message to send.
    public var message: RenderedMessage
    /// Whether `message` is the model's rewrite (false: the plain template).
    public var personalised: Bool
    /// The provider and model that answered (also when their text was refused).
    public var provider: String?
    public var model: String?
    /// Why the plain template was sent.
    public var reason: String?

    static func template(_ rendered: RenderedMessage, reason: String, provider: String? = nil, model: String? = nil) -> CopyPersonalisation {
        CopyPersonalisation(message: rendered, personalised: false, provider: provider, model: model, reason: reason)
    }

    /// Who wrote the text that was sent, as the outbox keeps it (`options.personalisation`): the model or the template,
    /// and why the template was sent instead.
    public var note: PersonalisationNote {
        PersonalisationNote(writtenBy: personalised ? "model" : "template", provider: provider, model: model, reason: reason)
    }
}
