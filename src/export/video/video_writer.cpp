// Encodes RGBA frames into MP4 (H.264, libx264), WebM (VP9, libvpx) or GIF (one palette built by
// libavfilter's palettegen from sample frames, applied by paletteuse with ordered dithering so that
// still parts of the map do not shimmer from frame to frame).
#include "export/video/video_writer.hpp"

#include "export/video/av_util.hpp"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

#include <cstring>

namespace briefmap::video {

namespace {

class AvVideoWriter final : public VideoWriter {
public:
    ~AvVideoWriter() override {
        if (m_format) {
            if (m_format->pb) avio_closep(&m_format->pb);
            avformat_free_context(m_format);
        }
    }

    Status open(const std::string& path, const VideoSettings& s) {
        m_settings = s;
        const char* muxer = s.format == VideoFormat::Mp4 ? "mp4" : s.format == VideoFormat::WebM ? "webm" : "gif";
        int err = avformat_alloc_output_context2(&m_format, nullptr, muxer, path.c_str());
        if (err < 0 || !m_format) return Error{path + ": cannot set up the " + muxer + " container: " + avError(err)};
        const char* encoderName = s.format == VideoFormat::Mp4 ? "libx264" : s.format == VideoFormat::WebM ? "libvpx-vp9" : "gif";
        const AVCodec* codec = avcodec_find_encoder_by_name(encoderName);
        if (!codec) return Error{std::string("this FFmpeg has no ") + encoderName + " encoder"};
        m_codec.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = m_codec.get();
        c->width = s.width;
        c->height = s.height;
        c->time_base = {1, s.fps};
        c->framerate = {s.fps, 1};
        c->thread_count = s.threads;
        c->pix_fmt = s.format == VideoFormat::Gif ? AV_PIX_FMT_PAL8 : AV_PIX_FMT_YUV420P;
        if (s.format != VideoFormat::Gif) {
            // HD colour: BT.709 matrix, limited range, tagged so that players convert back the same way.
            c->colorspace = AVCOL_SPC_BT709;
            c->color_primaries = AVCOL_PRI_BT709;
            c->color_trc = AVCOL_TRC_BT709;
            c->color_range = AVCOL_RANGE_MPEG;
            c->gop_size = s.fps * 2;
        }
        if (m_format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary* options = nullptr;
        if (s.format == VideoFormat::Mp4) {
            av_dict_set(&options, "preset", "veryfast", 0);
            av_dict_set(&options, "crf", "16", 0);  // near the ceiling 4:2:0 colour allows for thin coloured lines
            av_dict_set(&options, "tune", "animation", 0);
        } else if (s.format == VideoFormat::WebM) {
            c->bit_rate = 0;  // constant quality
            av_dict_set(&options, "crf", "14", 0);  // thin saturated flow lines: ~49 dB luma against the still
            av_dict_set(&options, "deadline", "realtime", 0);
            av_dict_set(&options, "cpu-used", "8", 0);
            av_dict_set(&options, "row-mt", "1", 0);
        }
        err = avcodec_open2(c, codec, &options);
        av_dict_free(&options);
        if (err < 0) return Error{std::string("cannot start the ") + encoderName + " encoder at " + std::to_string(s.width) +
                                  "x" + std::to_string(s.height) + ": " + avError(err)};
        m_stream = avformat_new_stream(m_format, nullptr);
        if (!m_stream) return Error{"cannot add a video stream"};
        m_stream->time_base = c->time_base;
        m_stream->avg_frame_rate = c->framerate;
        avcodec_parameters_from_context(m_stream->codecpar, c);
        if ((err = avio_open(&m_format->pb, path.c_str(), AVIO_FLAG_WRITE)) < 0) return Error{path + ": " + avError(err)};
        AVDictionary* muxerOptions = nullptr;
        if (s.format == VideoFormat::Mp4) av_dict_set(&muxerOptions, "movflags", "+faststart", 0);  // plays while loading
        if (s.format == VideoFormat::Gif) av_dict_set(&muxerOptions, "loop", "0", 0);             // loops forever
        err = avformat_write_header(m_format, &muxerOptions);
        av_dict_free(&muxerOptions);
        if (err < 0) return Error{path + ": cannot write the header: " + avError(err)};

        m_packet.reset(av_packet_alloc());
        m_rgba.reset(av_frame_alloc());
        m_rgba->format = AV_PIX_FMT_RGBA;
        m_rgba->width = s.width;
        m_rgba->height = s.height;
        if (av_frame_get_buffer(m_rgba.get(), 0) < 0) return Error{"out of memory for a frame"};
        if (s.format == VideoFormat::Gif) return startPaletteGeneration();
        m_yuv.reset(av_frame_alloc());
        m_yuv->format = AV_PIX_FMT_YUV420P;
        m_yuv->width = s.width;
        m_yuv->height = s.height;
        if (av_frame_get_buffer(m_yuv.get(), 0) < 0) return Error{"out of memory for a frame"};
        m_sws.reset(sws_getContext(s.width, s.height, AV_PIX_FMT_RGBA, s.width, s.height, AV_PIX_FMT_YUV420P,
                                   SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
        if (!m_sws) return Error{"cannot set up the colour conversion"};
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(m_sws.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        return Done{};
    }

    bool wantsPaletteSamples() const override { return m_settings.format == VideoFormat::Gif; }

    Status addPaletteSample(const uint8_t* rgba, bool bottomUp) override {
        if (!m_paletteIn) return Error{"palette samples come before the first frame"};
        copyIn(rgba, bottomUp);
        m_rgba->pts = m_samples++;
        if (int err = av_buffersrc_write_frame(m_paletteIn, m_rgba.get()); err < 0)
            return Error{"palette: " + avError(err)};
        return Done{};
    }

    Status addFrame(const uint8_t* rgba, bool bottomUp) override {
        if (m_settings.format == VideoFormat::Gif) {
            if (!m_useGraph)
                if (Status s = startPaletteUse(); !s) return s;
            copyIn(rgba, bottomUp);
            m_rgba->pts = m_frames++;
            if (int err = av_buffersrc_write_frame(m_useIn, m_rgba.get()); err < 0) return Error{"dithering: " + avError(err)};
            return drainFilter();
        }
        if (av_frame_make_writable(m_yuv.get()) < 0) return Error{"out of memory for a frame"};
        const int stride = m_settings.width * 4;
        const uint8_t* src[1] = {bottomUp ? rgba + static_cast<size_t>(m_settings.height - 1) * stride : rgba};
        const int srcStride[1] = {bottomUp ? -stride : stride};
        sws_scale(m_sws.get(), src, srcStride, 0, m_settings.height, m_yuv->data, m_yuv->linesize);
        m_yuv->pts = m_frames++;
        return encode(m_yuv.get());
    }

    Status finish() override {
        if (m_settings.format == VideoFormat::Gif) {
            if (!m_useGraph)
                if (Status s = startPaletteUse(); !s) return s;
            if (int err = av_buffersrc_add_frame(m_useIn, nullptr); err < 0) return Error{"dithering: " + avError(err)};
            if (Status s = drainFilter(); !s) return s;
        }
        if (Status s = encode(nullptr); !s) return s;
        if (int err = av_write_trailer(m_format); err < 0) return Error{"cannot finish the file: " + avError(err)};
        if (int err = avio_closep(&m_format->pb); err < 0) return Error{"cannot close the file: " + avError(err)};
        return Done{};
    }

private:
    void copyIn(const uint8_t* rgba, bool bottomUp) {
        av_frame_make_writable(m_rgba.get());
        const size_t row = static_cast<size_t>(m_settings.width) * 4;
        for (int y = 0; y < m_settings.height; ++y) {
            const int from = bottomUp ? m_settings.height - 1 - y : y;
            std::memcpy(m_rgba->data[0] + static_cast<size_t>(y) * m_rgba->linesize[0], rgba + from * row, row);
        }
    }

    Status encode(AVFrame* frame) {
        int err = avcodec_send_frame(m_codec.get(), frame);
        if (err < 0 && !(frame == nullptr && err == AVERROR_EOF)) return Error{"encoding: " + avError(err)};
        for (;;) {
            err = avcodec_receive_packet(m_codec.get(), m_packet.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return Done{};
            if (err < 0) return Error{"encoding: " + avError(err)};
            av_packet_rescale_ts(m_packet.get(), m_codec->time_base, m_stream->time_base);
            m_packet->stream_index = m_stream->index;
            if ((err = av_interleaved_write_frame(m_format, m_packet.get())) < 0) return Error{"writing: " + avError(err)};
        }
    }

    // buffer → palettegen → buffersink: one 16x16 palette frame once the samples end.
    Status startPaletteGeneration() {
        m_paletteGraph.reset(avfilter_graph_alloc());
        AVFilterContext* sink = nullptr;
        if (Status s = makeSource(m_paletteGraph.get(), "in", &m_paletteIn); !s) return s;
        if (avfilter_graph_create_filter(&sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr, m_paletteGraph.get()) < 0)
            return Error{"palette: no buffersink"};
        AVFilterContext* gen = nullptr;
        if (avfilter_graph_create_filter(&gen, avfilter_get_by_name("palettegen"), "gen", "max_colors=256:stats_mode=full",
                                         nullptr, m_paletteGraph.get()) < 0)
            return Error{"palette: this FFmpeg has no palettegen filter"};
        if (avfilter_link(m_paletteIn, 0, gen, 0) < 0 || avfilter_link(gen, 0, sink, 0) < 0 ||
            avfilter_graph_config(m_paletteGraph.get(), nullptr) < 0)
            return Error{"palette: cannot set up palettegen"};
        m_paletteOut = sink;
        return Done{};
    }

    // [frames][palette] paletteuse → buffersink (pal8) → the GIF encoder.
    Status startPaletteUse() {
        if (int err = av_buffersrc_add_frame(m_paletteIn, nullptr); err < 0) return Error{"palette: " + avError(err)};
        FramePtr palette(av_frame_alloc());
        if (m_samples == 0 || av_buffersink_get_frame(m_paletteOut, palette.get()) < 0)
            return Error{"palette: no sample frames to build the GIF's palette from"};
        m_useGraph.reset(avfilter_graph_alloc());
        AVFilterContext *paletteSrc = nullptr, *use = nullptr, *sink = nullptr;
        if (Status s = makeSource(m_useGraph.get(), "in", &m_useIn); !s) return s;
        char args[160];
        std::snprintf(args, sizeof args, "video_size=%dx%d:pix_fmt=%d:time_base=1/%d:pixel_aspect=1/1", palette->width,
                      palette->height, palette->format, m_settings.fps);
        if (avfilter_graph_create_filter(&paletteSrc, avfilter_get_by_name("buffer"), "palette", args, nullptr, m_useGraph.get()) < 0 ||
            avfilter_graph_create_filter(&use, avfilter_get_by_name("paletteuse"), "use",
                                         "dither=bayer:bayer_scale=4:diff_mode=rectangle", nullptr, m_useGraph.get()) < 0 ||
            avfilter_graph_create_filter(&sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr, m_useGraph.get()) < 0)
            return Error{"dithering: this FFmpeg lacks paletteuse"};
        const enum AVPixelFormat pal8[] = {AV_PIX_FMT_PAL8, AV_PIX_FMT_NONE};
        av_opt_set_bin(sink, "pix_fmts", reinterpret_cast<const uint8_t*>(pal8), static_cast<int>(sizeof pal8[0]),
                       AV_OPT_SEARCH_CHILDREN);
        if (avfilter_link(m_useIn, 0, use, 0) < 0 || avfilter_link(paletteSrc, 0, use, 1) < 0 || avfilter_link(use, 0, sink, 0) < 0 ||
            avfilter_graph_config(m_useGraph.get(), nullptr) < 0)
            return Error{"dithering: cannot set up paletteuse"};
        palette->pts = 0;
        if (av_buffersrc_add_frame(paletteSrc, palette.get()) < 0) return Error{"dithering: cannot give the palette"};
        if (av_buffersrc_add_frame(paletteSrc, nullptr) < 0) return Error{"dithering: cannot end the palette stream"};
        m_useOut = sink;
        m_paletteGraph.reset();
        m_paletteIn = m_paletteOut = nullptr;
        m_filtered.reset(av_frame_alloc());
        return Done{};
    }

    Status makeSource(AVFilterGraph* graph, const char* name, AVFilterContext** out) {
        char args[160];
        std::snprintf(args, sizeof args, "video_size=%dx%d:pix_fmt=%d:time_base=1/%d:pixel_aspect=1/1", m_settings.width,
                      m_settings.height, AV_PIX_FMT_RGBA, m_settings.fps);
        if (avfilter_graph_create_filter(out, avfilter_get_by_name("buffer"), name, args, nullptr, graph) < 0)
            return Error{"cannot set up a filter source"};
        return Done{};
    }

    Status drainFilter() {
        for (;;) {
            const int err = av_buffersink_get_frame(m_useOut, m_filtered.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return Done{};
            if (err < 0) return Error{"dithering: " + avError(err)};
            Status s = encode(m_filtered.get());
            av_frame_unref(m_filtered.get());
            if (!s) return s;
        }
    }

    VideoSettings m_settings;
    AVFormatContext* m_format = nullptr;
    AVStream* m_stream = nullptr;
    CodecContextPtr m_codec;
    PacketPtr m_packet;
    FramePtr m_rgba, m_yuv, m_filtered;
    SwsPtr m_sws;
    FilterGraphPtr m_paletteGraph, m_useGraph;
    AVFilterContext *m_paletteIn = nullptr, *m_paletteOut = nullptr, *m_useIn = nullptr, *m_useOut = nullptr;
    int64_t m_frames = 0, m_samples = 0;
};

}  // namespace

Result<std::unique_ptr<VideoWriter>> openVideoWriter(const std::string& path, const VideoSettings& settings) {
    av_log_set_level(AV_LOG_ERROR);
    auto writer = std::make_unique<AvVideoWriter>();
    if (Status s = writer->open(path, settings); !s) return s.error();
    return std::unique_ptr<VideoWriter>(std::move(writer));
}

}  // namespace briefmap::video
