/// The providers the gateway knows how to speak to.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// xAI (OpenAI-compatible Chat Completions).
    case xai
    /// OpenAI Chat Completions.
    case openai
    /// Google Gemini generateContent.
    case gemini
    /// Anthropic Messages.
    case anthropic
    /// Any OpenAI-compatible server (a local model server, a proxy), keyless by default.
    case compatible

    /// The documented public base URL.
    public var defaultBaseURL: String {
        switch self {
        case .xai: return "https://api.x.ai"
        case .openai: return "https://api.openai.com"
        case .gemini: return "https://generativelanguage.googleapis.com"
        case .anthropic: return "https://api.anthropic.com"
        case .compatible: return "http://127.0.0.1:8080"
        }
    }

    /// The model used when none is configured (the models named in seed 001; override with the `*_MODEL` variables).
    public var defaultModel: String {
        switch self {
        case .xai: return "grok-4-1-fast-reasoning"
        case .openai: return "gpt-5.2"
        case .gemini: return "gemini-3-flash-preview"
        case .anthropic: return "claude-sonnet-4-20250514"
        case .compatible: return "local-model"
        }
    }

    /// The environment variable holding the key (for `compatible`: an optional key).
    public var keyVariable: String {
        switch self {
        case .xai: return "XAI_API_KEY"
        case .openai: return "OPENAI_API_KEY"
        case .gemini: return "GEMINI_API_KEY"
        case .anthropic: return "ANTHROPIC_API_KEY"
        case .compatible: return "AUTOPILOT_LLM_API_KEY"
        }
    }

    /// The environment variable overriding the base URL (for `compatible`: the one that enables it).
    public var baseURLVariable: String {
        switch self {
        case .xai: return "XAI_BASE_URL"
        case .openai: return "OPENAI_BASE_URL"
        case .gemini: return "GEMINI_BASE_URL"
        case .anthropic: return "ANTHROPIC_BASE_URL"
        case .compatible: return "AUTOPILOT_LLM_BASE_URL"
        }
    }

    /// The environment variable overriding the model.
    public var modelVariable: String {
        switch self {
        case .xai: return "XAI_MODEL"
        case .openai: return "OPENAI_MODEL"
        case .gemini: return "GEMINI_MODEL"
        case .anthropic: return "ANTHROPIC_MODEL"
        case .compatible: return "AUTOPILOT_LLM_MODEL"
        }
    }
}

/// One configured provider: where it is, its key and its model.
public struct ProviderConfiguration: Sendable, Hashable {
    public var kind: ProviderKind
    /// The base URL, without the API path (a trailing `/v1` or `/v1beta` is tolerated).
    public var baseURL: String
    /// The key; nil for a keyless OpenAI-compatible server.
    public var apiKey: String?
    /// The model to ask for.
    public var model: String

    public init(kind: ProviderKind, baseURL: String? = nil, apiKey: String?, model: String? = nil) {
        self.kind = kind
        self.baseURL = baseURL ?? kind.defaultBaseURL
        self.apiKey = apiKey
        self.model = model ?? kind.defaultModel
    }

    /// The name the gateway, the accounting and the responses use for this provider.
    public var name: String { kind.rawValue }

    /// The full URL for an API path such as "/v1/chat/completions", without doubling a version segment
    /// the base URL already ends with.
    public func url(forPath path: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let versionSegment = path.split(separator: "/").first.map { "/" + $0 } ?? ""
        if !versionSegment.isEmpty, base.hasSuffix(versionSegment) {
            return base + path.dropFirst(versionSegment.count)
        }
        return base + path
    }
}
