package kg.borderlands.ingest;

/** The kinds of cited work; {@link #local()} is the ontology class local name written as {@code type}. */
public enum WorkType {
    REPORT("Report"),
    COMMENTARY("Commentary"),
    BRIEFING("Briefing"),
    NEWS_ARTICLE("NewsArticle"),
    OPINION_ARTICLE("OpinionArticle"),
    INTERVIEW("Interview"),
    STATEMENT_DOCUMENT("StatementDocument"),
    PRESS_RELEASE("PressRelease"),
    SOCIAL_MEDIA_POST("SocialMediaPost"),
    VIDEO("Video"),
    BOOK("Book"),
    JOURNAL_ARTICLE("JournalArticle"),
    WEB_PAGE("WebPage"),
    MEDIA_BRIEFING("MediaBriefing");

    private final String local;

    WorkType(String local) {
        this.local = local;
    }

    /** Local name of the ontology class, e.g. {@code NewsArticle}. */
    public String local() {
        return local;
    }
}
