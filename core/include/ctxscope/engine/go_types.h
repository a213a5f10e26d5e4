#pragma once
// Go's predeclared types as WithValue key types: the one table behind the SA1029 lint, the
// simulator's key comparison, the Go export and the fmt.Sprint names of contexts.
#include <string_view>

namespace ctxscope {

// isGoBuiltinType: a predeclared Go type (string, bool, the integer, float and complex types,
// byte, rune, uintptr, any, error): as a WithValue key it draws staticcheck's SA1029.
bool isGoBuiltinType(std::string_view t);

// goDynamicKeyType: the dynamic type Go compares keys by: byte is uint8, rune is int32, and
// any("k") (or interface{}) holds a string; every other type is itself.
std::string_view goDynamicKeyType(std::string_view t);

} // namespace ctxscope
