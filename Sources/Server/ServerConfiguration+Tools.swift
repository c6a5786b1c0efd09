import Tools

extension ServerConfiguration {
    /// What the tools read from the server's configuration: the sending rules, the supplier routing, the message prices,
    /// Stripe.
    public var toolSettings: ToolSettings {
        ToolSettings(sendingRules: sendingRules, supplierRouting: supplierRouting, messagePrices: messagePrices, stripe: stripe)
    }
}
