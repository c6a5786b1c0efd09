import AutopilotCore
import Engine
import Storage

/// Orders from the store the events built: the order by its number, with its contact's email and phone for the check.
public struct StoreOrderLookup: OrderLookup {
    public let store: any AutopilotStore

    public init(store: any AutopilotStore) {
        self.store = store
    }

    public func order(number: String, context: ChatContext) async throws -> ChatOrder? {
        guard let order = try await store.order(externalOrID: number, tenantID: context.tenantID), order.orderID == number else { return nil }
        var contact: ContactRecord?
        if let contactID = order.contactID { contact = try await store.contacts(ids: [contactID], tenantID: context.tenantID)[contactID] }
        return ChatOrder(
            number: order.orderID, status: order.status, carrier: order.carrier, trackingNumber: order.trackingNumber, trackingURL: order.trackingURL,
            contactEmail: contact?.email, contactPhone: contact?.phone)
    }
}

/// Stock from the catalog the `product.updated` events built.
public struct CatalogStock: ProductStockChecking {
    public let store: any AutopilotStore

    public init(store: any AutopilotStore) {
        self.store = store
    }

    public func stock(of product: String, context: ChatContext) async throws -> StockResult {
        let words = ChatTextScanner.productWords(product)
        guard !words.isEmpty else { return .products([]) }
        let products = try await store.catalogProducts(matching: words, tenantID: context.tenantID, limit: 3)
        return .products(products.map { ProductStock(sku: $0.sku, title: $0.title ?? $0.sku, inStock: $0.inStock, url: $0.url) })
    }
}

extension ChatCapabilities {
    /// Everything from the engine: orders and stock from the store, the knowledge base, callbacks on the tenant's
    /// business hours, hand-off tasks with their notice; with a language model configured, free-form answers grounded
    /// in the knowledge base and the visitor's mood read by the model.
    public static func engine(_ dependencies: Dependencies) -> ChatCapabilities {
        let online = !dependencies.ai.providerNames.isEmpty
        return ChatCapabilities(
            orders: StoreOrderLookup(store: dependencies.store), stock: CatalogStock(store: dependencies.store),
            knowledge: KnowledgeBaseAnswers(dependencies: dependencies), callbacks: BusinessHoursCallbacks(dependencies: dependencies),
            handOff: TeamHandOff(dependencies: dependencies),
            answers: online ? ModelAnswerWriter(gateway: dependencies.ai.gateway) : NoAnswerWriter(),
            mood: online ? ModelMoodReader(gateway: dependencies.ai.gateway) : LexiconMood())
    }
}
