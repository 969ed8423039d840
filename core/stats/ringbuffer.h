#pragma once

#include <QtGlobal>
#include <vector>

namespace atb {

// Fixed-capacity FIFO: push() overwrites the oldest element when full. Index 0 is the oldest.
// No allocation after construction; used for every bounded history (meter windows, plot series).
template<typename T>
class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 0) { setCapacity(capacity); }

    // Drops the contents.
    void setCapacity(qsizetype capacity)
    {
        m_data.assign(size_t(qMax<qsizetype>(capacity, 0)), T());
        m_start = 0;
        m_size = 0;
    }
    qsizetype capacity() const { return qsizetype(m_data.size()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == capacity(); }
    void clear()
    {
        m_start = 0;
        m_size = 0;
    }

    void push(const T &v)
    {
        if (m_data.empty())
            return;
        if (m_size < capacity()) {
            m_data[size_t((m_start + m_size) % capacity())] = v;
            ++m_size;
        } else {
            m_data[size_t(m_start)] = v;
            m_start = (m_start + 1) % capacity();
        }
    }

    const T &at(qsizetype i) const { return m_data[size_t((m_start + i) % capacity())]; }
    T &operator[](qsizetype i) { return m_data[size_t((m_start + i) % capacity())]; }
    const T &operator[](qsizetype i) const { return at(i); }
    const T &first() const { return at(0); }
    const T &last() const { return at(m_size - 1); }

private:
    std::vector<T> m_data;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
};

} // namespace atb
