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

    /// `options` with `personalisation`: `{"written_by": "model"|"template", "provider", "model", "reason"}` — the outbox
    /// keeps who wrote the text that was sent, and why the template was sent instead.
    public func recorded(in options: JSONObject) -> String {
        var entry: JSONObject = ["written_by": .string(personalised ? "model" : "template")]
        entry["provider"] = provider.map(JSONValue.string)
        entry["model"] = model.map(JSONValue.string)
        entry["reason"] = reason.map(JSONValue.string)
        var options = options
        options["personalisation"] = .object(entry)
        return JSONValue.object(options).jsonString
    }
}
