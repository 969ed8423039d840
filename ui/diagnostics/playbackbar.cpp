#include "playbackbar.h"

#include "recording/recordingplayer.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

using atb::RecordingPlayer;

PlaybackBar::PlaybackBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("playbackBar"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("playbackTitle"));
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("playbackSlider"));
    m_slider->setMinimumWidth(200);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_speedLabel = new QLabel(this);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("playbackSpeed"));
    for (double s : { 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 64.0 })
        m_speed->addItem(QStringLiteral("%1x").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speedLabel->setBuddy(m_speed);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("playbackSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(200);
    m_find = new QToolButton(this);
    m_find->setObjectName(QStringLiteral("playbackFind"));
    m_find->setArrowType(Qt::RightArrow);
    m_found = new QLabel(this);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("playbackClose"));

    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(6, 2, 6, 2);
    lay->addWidget(m_title);
    lay->addWidget(m_play);
    lay->addWidget(m_slider, 1);
    lay->addWidget(m_time);
    lay->addWidget(m_speedLabel);
    lay->addWidget(m_speed);
    lay->addSpacing(8);
    lay->addWidget(m_search);
    lay->addWidget(m_find);
    lay->addWidget(m_found);
    lay->addWidget(m_close);

    connect(m_play, &QToolButton::clicked, this, [this] {
        if (!m_player)
            return;
        if (m_player->isPlaying())
            m_player->pause();
        else if (m_player->atEnd()) {
            m_player->seek(0);
            m_player->play();
        } else
            m_player->play();
    });
    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_dragging = true; });
    connect(m_slider, &QSlider::sliderMoved, this, [this](int ms) { m_time->setText(formatTime(qint64(ms) * 1000)); });
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        m_dragging = false;
        if (m_player)
            m_player->seek(qint64(m_slider->value()) * 1000);
    });
    // A click on the track or a key moves the slider without press and release: seek too.
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && m_player)
            QMetaObject::invokeMethod(this, [this] {
                if (m_player)
                    m_player->seek(qint64(m_slider->value()) * 1000);
            }, Qt::QueuedConnection);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_player)
            m_player->setSpeed(m_speed->currentData().toDouble());
    });
    connect(m_search, &QLineEdit::returnPressed, this, &PlaybackBar::findNext);
    connect(m_find, &QToolButton::clicked, this, &PlaybackBar::findNext);
    connect(m_close, &QPushButton::clicked, this, &PlaybackBar::closeRequested);
    retranslate();
    updatePlayButton(false);
}

QString PlaybackBar::formatTime(qint64 us)
{
    const qint64 ms = us / 1000;
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000, 2, 10, QLatin1Char('0'))
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

void PlaybackBar::setPlayer(RecordingPlayer *player, const QString &title)
{
    if (m_player)
        m_player->disconnect(this);
    m_player = player;
    m_title->setText(title);
    m_title->setToolTip(title);
    m_found->clear();
    if (!player)
        return;
    m_slider->setRange(0, int(player->duration() / 1000));
    m_speed->setCurrentIndex(m_speed->findData(player->speed()) >= 0 ? m_speed->findData(player->speed()) : 2);
    connect(player, &RecordingPlayer::positionChanged, this, &PlaybackBar::showPosition);
    connect(player, &RecordingPlayer::playingChanged, this, &PlaybackBar::updatePlayButton);
    showPosition(player->position());
    updatePlayButton(player->isPlaying());
}

void PlaybackBar::showPosition(qint64 us)
{
    if (!m_player)
        return;
    if (!m_dragging)
        m_slider->setValue(int(us / 1000));
    m_time->setText(formatTime(us) + QStringLiteral(" / ") + formatTime(m_player->duration()));
}

void PlaybackBar::updatePlayButton(bool playing)
{
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Ctrl+Space)") : tr("Play (Ctrl+Space)"));
}

bool PlaybackBar::findNext()
{
    const QString text = m_search->text().trimmed();
    if (!m_player || text.isEmpty())
        return false;
    qint64 at = m_player->find(text, m_player->position() + 1);
    if (at < 0)
        at = m_player->find(text, 0); // wrap around
    if (at < 0) {
        m_found->setText(tr("not found"));
        return false;
    }
    m_found->setText(formatTime(at));
    m_player->pause();
    m_player->seek(at + 1); // the record itself is played
    emit searched(text);
    return true;
}

void PlaybackBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlaybackBar::retranslate()
{
    m_speedLabel->setText(tr("Speed"));
    m_search->setPlaceholderText(tr("Search the recording"));
    m_find->setToolTip(tr("Go to the next record containing the text"));
    m_close->setText(tr("Close Recording"));
    m_slider->setToolTip(tr("Drag to move through the recording"));
    if (m_player)
        updatePlayButton(m_player->isPlaying());
}
