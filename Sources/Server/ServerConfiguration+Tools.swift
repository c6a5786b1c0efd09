import Tools
import Voice

extension ServerConfiguration {
    /// What the tools read from the server's configuration: the sending rules, the supplier routing, the message prices,
    /// Stripe.
    public var toolSettings: ToolSettings {
        ToolSettings(sendingRules: sendingRules, supplierRouting: supplierRouting, messagePrices: messagePrices, stripe: stripe)
    }
}

extension ServerConfiguration {
    /// Every tool the server offers over MCP and to MAX: the catalogue and the voice agent's `place_call`.
    public var toolRegistry: ToolRegistry {
        ToolRegistry(tools: ToolCatalog.all + VoiceTools.all(settings: voice))
    }
}
