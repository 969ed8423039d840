#pragma once

#include <QWidget>

namespace atb {
class RecordingPlayer;
}
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QToolButton;

// The controls of a recording playing back: play/pause, a time slider, speed, search (the next
// record containing the text, from the current position) and Close. A view of a
// RecordingPlayer; the window shows it while a recording is open.
class PlaybackBar : public QWidget
{
    Q_OBJECT
public:
    explicit PlaybackBar(QWidget *parent = nullptr);

    void setPlayer(atb::RecordingPlayer *player, const QString &title);
    atb::RecordingPlayer *player() const { return m_player; }

    QToolButton *playButton() const { return m_play; }
    QSlider *slider() const { return m_slider; }
    QComboBox *speedCombo() const { return m_speed; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *timeLabel() const { return m_time; }

    // Seeks to the next record containing the search text; false when there is none.
    bool findNext();
    static QString formatTime(qint64 us);

signals:
    void closeRequested();
    // A search found `text` at the position it seeked to (the console highlights it).
    void searched(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showPosition(qint64 us);
    void updatePlayButton(bool playing);

    atb::RecordingPlayer *m_player = nullptr;
    QLabel *m_title;
    QToolButton *m_play;
    QSlider *m_slider;
    QLabel *m_time;
    QLabel *m_speedLabel;
    QComboBox *m_speed;
    QLineEdit *m_search;
    QToolButton *m_find;
    QLabel *m_found;
    QPushButton *m_close;
    bool m_dragging = false;
};
