namespace Approval.Engine.Calendar;

/// <summary>Holds the calendar in force; replaced as a whole when an administrator loads a year, so readers never see half a year.</summary>
public sealed class CalendarProvider
{
    private volatile BusinessCalendar _current;

    public CalendarProvider(BusinessCalendar? initial = null) => _current = initial ?? BusinessCalendar.Shipped;

    public BusinessCalendar Current => _current;

    public void Replace(BusinessCalendar calendar) => _current = calendar;
}
