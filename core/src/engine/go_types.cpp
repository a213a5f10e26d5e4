#include "ctxscope/engine/go_types.h"

#include <array>

namespace ctxscope {

bool isGoBuiltinType(std::string_view t)
{
    static constexpr std::array<std::string_view, 21> kBuiltins = {
        "string", "int",     "int8",    "int16",     "int32",      "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "float32", "float64", "complex64", "complex128", "bool",  "byte", "rune",  "any",    "error"};
    for (std::string_view b : kBuiltins)
        if (t == b)
            return true;
    return false;
}

std::string_view goDynamicKeyType(std::string_view t)
{
    if (t == "byte")
        return "uint8";
    if (t == "rune")
        return "int32";
    if (t == "any" || t == "interface{}")
        return "string";
    return t;
}

} // namespace ctxscope
