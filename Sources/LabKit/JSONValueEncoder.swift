import KubeAPI

/// Encodes a Codable value straight into a `JSONValue`. `APIObject.toJSON()` goes through
/// JSON text and back (JSONEncoder, then JSONDecoder), which is what checks spent most of
/// their time on; this builds the same tree in one pass. Whole-number doubles become ints, as
/// they do after the round trip through text.
enum JSONValueEncoder {
    /// `only`: encode just this top-level key (a check on `spec.replicas` needs no `status`).
    static func encode<T: Encodable>(_ value: T, only: String? = nil) throws -> JSONValue {
        let root = Slot()
        root.only = only
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        return root.value
    }

    /// An APIObject as the apiserver returns it: apiVersion and kind filled in, like `toJSON()`.
    static func object(_ object: any APIObject, only: String? = nil) -> JSONValue {
        guard var v = try? encode(object, only: only) else { return object.toJSON() }
        v["apiVersion"] = .string(object.resource.apiVersion)
        v["kind"] = .string(object.resource.kind)
        return v
    }

    /// A place in the tree being built; containers hold their children's slots until the end.
    final class Slot {
        enum Content { case empty, leaf(JSONValue), object([String: Slot]), array([Slot]) }
        var content = Content.empty
        /// On the root: the one key to keep; the others are skipped (or, for nested containers,
        /// written to a scratch slot that is dropped).
        var only: String?

        var value: JSONValue {
            switch content {
            case .empty: return .object([:])
            case .leaf(let v): return v
            case .object(let o): return .object(o.mapValues(\.value))
            case .array(let a): return .array(a.map(\.value))
            }
        }

        func objectChild(_ key: String) -> Slot {
            if let only, key != only { return Slot() }
            var o: [String: Slot] = [:]
            if case .object(let existing) = content { o = existing }
            let child = Slot()
            o[key] = child
            content = .object(o)
            return child
        }

        func appendChild() -> Slot {
            var a: [Slot] = []
            if case .array(let existing) = content { a = existing }
            let child = Slot()
            a.append(child)
            content = .array(a)
            return child
        }

        func makeObject() { if case .object = content { return }; content = .object([:]) }
        func makeArray() { if case .array = content { return }; content = .array([]) }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    }

    struct TreeEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            slot.makeObject()
            return KeyedEncodingContainer(Keyed<K>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            slot.makeArray()
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    static func leaf<T: Encodable>(_ value: T, into slot: Slot, path: [any CodingKey]) throws {
        switch value {
        case let v as String: slot.content = .leaf(.string(v))
        case let v as Bool: slot.content = .leaf(.bool(v))
        case let v as Int: slot.content = .leaf(.int(v))
        case let v as any BinaryInteger: slot.content = .leaf(.int(Int(truncatingIfNeeded: v)))
        case let v as Double: slot.content = .leaf(number(v))
        case let v as Float: slot.content = .leaf(number(Double(v)))
        case let v as JSONValue: slot.content = .leaf(v)
        default: try value.encode(to: TreeEncoder(slot: slot, codingPath: path))
        }
    }

    private static func number(_ v: Double) -> JSONValue {
        v == v.rounded() && abs(v) < 9e15 ? .int(Int(v)) : .double(v)
    }

    struct Keyed<K: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: K) throws { slot.objectChild(key.stringValue).content = .leaf(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            if let only = slot.only, key.stringValue != only { return }
            try JSONValueEncoder.leaf(value, into: slot.objectChild(key.stringValue), path: codingPath + [key])
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: K) -> KeyedEncodingContainer<N> {
            let child = slot.objectChild(key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(slot: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            let child = slot.objectChild(key.stringValue)
            child.makeArray()
            return Unkeyed(slot: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(slot: slot.objectChild("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: K) -> any Encoder { TreeEncoder(slot: slot.objectChild(key.stringValue), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        var count: Int {
            if case .array(let a) = slot.content { return a.count }
            return 0
        }

        mutating func encodeNil() throws { slot.appendChild().content = .leaf(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let key = Key(intValue: count)
            try JSONValueEncoder.leaf(value, into: slot.appendChild(), path: codingPath + [key])
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedEncodingContainer<N> {
            let child = slot.appendChild()
            child.makeObject()
            return KeyedEncodingContainer(Keyed<N>(slot: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = slot.appendChild()
            child.makeArray()
            return Unkeyed(slot: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(slot: slot.appendChild(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .leaf(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoder.leaf(value, into: slot, path: codingPath) }
    }
}
