using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nervewise.Data.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<NervewiseUser>
{
    // The longest IANA id today is 32 characters ("America/Argentina/ComodRivadavia").
    public void Configure(EntityTypeBuilder<NervewiseUser> builder) => builder.Property(user => user.TimeZone).HasMaxLength(64);
}
