/// Planning a batch before its write transaction (`SQLStore.planEvents`): the snapshot it is planned from is compared, in
/// the transaction, with the one read there. Both must be in one order, and a batch planned while the one before it is
/// still being written must see that batch's records as the store will hold them.
extension IngestSnapshot {
    /// The snapshot in a fixed order: contacts, carts, orders and messages by id, products by SKU. The order rows come back
    /// in is not part of what the store holds.
    public var canonical: IngestSnapshot {
        var sorted = self
        sorted.contacts.sort { $0.id < $1.id }
        sorted.carts.sort { $0.id < $1.id }
        sorted.orders.sort { $0.id < $1.id }
        sorted.products.sort { $0.sku < $1.sku }
        sorted.messages.sort { $0.id < $1.id }
        return sorted
    }

    /// What the reads of `lookups` find once `written` is stored on top of what this snapshot holds: each record of
    /// `written` replaces the one with its id (a product, its SKU), its keys are added, and only what the lookups name is
    /// kept — the same conditions as the reads (`SnapshotReads`), so a batch planned from it sees what it would see after
    /// the write. A record the write made match a lookup but did not itself change is missing; the comparison in the
    /// transaction then finds the difference and the batch is planned again there.
    public func overlaid(with written: IngestSnapshot, for lookups: IngestLookups) -> IngestSnapshot {
        var result = IngestSnapshot()
        for (key, id) in existingKeys where lookups.idempotencyKeys.contains(key) { result.existingKeys[key] = id }
        for (key, id) in written.existingKeys where lookups.idempotencyKeys.contains(key) { result.existingKeys[key] = id }
        result.contacts = Self.merged(contacts, written.contacts, by: \.id).filter { contact in
            contact.email.map(lookups.emails.contains) == true || contact.phone.map(lookups.phones.contains) == true
                || contact.externalID.map(lookups.contactExternalIDs.contains) == true
        }
        let named = Set(result.contacts.map(\.id))
        result.carts = Self.merged(carts, written.carts, by: \.id).filter { cart in
            lookups.cartIDs.contains(cart.externalID)
                || (lookups.needsActiveCarts && cart.status.isActive && cart.contactID.map(named.contains) == true)
        }
        result.orders = Self.merged(orders, written.orders, by: \.id).filter { lookups.orderIDs.contains($0.externalID) }
        result.products = Self.merged(products, written.products, by: \.sku).filter { lookups.skus.contains($0.sku) }
        result.messages = Self.merged(messages, written.messages, by: \.id).filter { lookups.messageIDs.contains($0.externalID) }
        return result
    }

    /// Whether a batch planned from this snapshot would be planned the same from `read`, both canonical. Without the keys
    /// read (`keysRead: false`, PostgreSQL's large batches), the stored keys are left out: the unique index checks them.
    public func plansLike(_ read: IngestSnapshot, keysRead: Bool) -> Bool {
        guard keysRead else {
            var withoutKeys = self
            withoutKeys.existingKeys = read.existingKeys
            return withoutKeys == read
        }
        return self == read
    }

    private static func merged<Record>(_ base: [Record], _ newer: [Record], by key: KeyPath<Record, String>) -> [Record] {
        guard !newer.isEmpty else { return base }
        let replaced = Set(newer.map { $0[keyPath: key] })
        return base.filter { !replaced.contains($0[keyPath: key]) } + newer
    }
}
