import KubeAPI

/// The cluster's only source of randomness: SplitMix64 from a seed, so the same seed and
/// the same commands give the same names, IPs and UIDs.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }

    /// apiserver's generateName suffix alphabet: no vowels, no digits easily confused.
    static let alphanums = Array("bcdfghjklmnpqrstvwxz2456789")

    public mutating func nameSuffix(_ n: Int = 5) -> String {
        String((0..<n).map { _ in SeededRandom.alphanums[int(0..<SeededRandom.alphanums.count)] })
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A version-4 UUID in its usual text form.
    public mutating func uuid() -> String {
        var a = next(), b = next()
        // Written straight into the string's storage: one allocation per id.
        return String(unsafeUninitializedCapacity: 36) { bytes in
            var i = 0
            for n in 0..<32 {
                if n == 8 || n == 12 || n == 16 || n == 20 { bytes[i] = UInt8(ascii: "-"); i += 1 }
                var d: Int
                if n < 16 { d = Int(a & 15); a >>= 4 } else { d = Int(b & 15); b >>= 4 }
                if n == 12 { d = 4 }
                if n == 16 { d = 8 + d % 4 }
                bytes[i] = SeededRandom.hexDigits[d]
                i += 1
            }
            return 36
        }
    }

    public mutating func hex(_ n: Int) -> String {
        var bits = next(), left = 16
        return String(unsafeUninitializedCapacity: n) { bytes in
            for i in 0..<n {
                if left == 0 { bits = next(); left = 16 }
                bytes[i] = SeededRandom.hexDigits[Int(bits & 15)]
                bits >>= 4
                left -= 1
            }
            return n
        }
    }
}

/// FNV-32a, the hash Kubernetes uses for pod-template-hash and controller-revision-hash.
public func fnv32a(_ s: String) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for b in s.utf8 { h ^= UInt32(b); h = h &* 16_777_619 }
    return h
}

/// rand.SafeEncodeString of the decimal hash: each digit through the same no-vowel alphabet.
public func safeEncode(_ n: UInt32) -> String {
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    return String(String(n).unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
}
