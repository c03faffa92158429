// Value-or-error return type used across layers; exceptions never cross a layer boundary.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace briefmap {

struct Error {
    std::string message;  // one line naming the place (file, position, field) and the reason
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_value); }
    const T& value() const { return std::get<T>(m_value); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// For operations that produce nothing but can fail.
struct Done {};
using Status = Result<Done>;

}  // namespace briefmap
